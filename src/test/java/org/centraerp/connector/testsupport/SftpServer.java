package org.centraerp.connector.testsupport;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.util.List;

import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.config.keys.writer.openssh.OpenSSHKeyPairResourceWriter;
import org.apache.sshd.common.file.virtualfs.VirtualFileSystemFactory;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.keyprovider.SimpleGeneratorHostKeyProvider;
import org.apache.sshd.sftp.server.SftpSubsystemFactory;

/**
 * An ERP's SFTP server inside the tests (Apache MINA SSHD, SFTP subsystem) on 127.0.0.1: user {@value #PASSWORD_USER}
 * logs in with a password, user {@value #KEY_USER} with a key; the files live under {@link #root()}. Its host key
 * is in {@link #knownHosts()}, so clients check it (strictHostKeyChecking=yes). It can be stopped and started
 * again on the same port, and made to refuse passwords, to play a server that is down or a wrong password.
 */
public final class SftpServer implements AutoCloseable {

    public static final String PASSWORD_USER = "erp";
    public static final String PASSWORD = "erp-password";
    public static final String KEY_USER = "erpkey";

    private final Path root;
    private final Path knownHosts;
    private final Path privateKey;
    private final int port;
    private final SimpleGeneratorHostKeyProvider hostKeys;
    private final KeyPair clientKey;
    private volatile boolean passwordsAccepted = true;
    private SshServer sshd;

    /** @param folder holds the served files ({@code root/}) and the keys */
    public SftpServer(Path folder) {
        try {
            root = Files.createDirectories(folder.resolve("root"));
            port = freePort();
            hostKeys = new SimpleGeneratorHostKeyProvider(folder.resolve("host-key.ser"));
            hostKeys.setAlgorithm(KeyUtils.EC_ALGORITHM);
            clientKey = KeyUtils.generateKeyPair("ecdsa-sha2-nistp256", 256);
            privateKey = folder.resolve("id_ecdsa");
            try (OutputStream out = Files.newOutputStream(privateKey)) {
                OpenSSHKeyPairResourceWriter.INSTANCE.writePrivateKey(clientKey, "erp test key", null, out);
            }
            KeyPair host = hostKeys.loadKeys(null).iterator().next();
            knownHosts = folder.resolve("known_hosts");
            Files.writeString(knownHosts, "[127.0.0.1]:" + port + " " + PublicKeyEntry.toString(host.getPublic())
                    + "\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public SftpServer start() {
        if (sshd != null) {
            return this;
        }
        try {
            sshd = SshServer.setUpDefaultServer();
            sshd.setHost("127.0.0.1");
            sshd.setPort(port);
            sshd.setKeyPairProvider(hostKeys);
            sshd.setPasswordAuthenticator((user, password, session) -> passwordsAccepted
                    && PASSWORD_USER.equals(user) && PASSWORD.equals(password));
            sshd.setPublickeyAuthenticator((user, key, session) -> KEY_USER.equals(user)
                    && KeyUtils.compareKeys(key, clientKey.getPublic()));
            sshd.setSubsystemFactories(List.of(new SftpSubsystemFactory()));
            sshd.setFileSystemFactory(new VirtualFileSystemFactory(root));
            sshd.start();
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the test SFTP server on port " + port, e);
        }
    }

    public void stop() {
        try {
            if (sshd != null) {
                sshd.stop(true);
                sshd = null;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** False: every password is refused (as after a password change on the server). */
    public void acceptPasswords(boolean accepted) {
        passwordsAccepted = accepted;
    }

    @Override
    public void close() {
        stop();
    }

    public Path root() {
        return root;
    }

    public int port() {
        return port;
    }

    public Path knownHosts() {
        return knownHosts;
    }

    public Path privateKey() {
        return privateKey;
    }

    /** {@code sftp://erp@127.0.0.1:<port>/<folder>?password=...&knownHostsFile=...&strictHostKeyChecking=yes}. */
    public String passwordUri(String folder) {
        return "sftp://" + PASSWORD_USER + "@127.0.0.1:" + port + "/" + folder + "?password=" + PASSWORD
                + "&knownHostsFile=" + knownHosts + "&strictHostKeyChecking=yes&useUserKnownHostsFile=false";
    }

    /** {@code sftp://erpkey@127.0.0.1:<port>/<folder>?privateKeyFile=...&knownHostsFile=...}. */
    public String keyUri(String folder) {
        return "sftp://" + KEY_USER + "@127.0.0.1:" + port + "/" + folder + "?privateKeyFile=" + privateKey
                + "&knownHostsFile=" + knownHosts + "&strictHostKeyChecking=yes&useUserKnownHostsFile=false";
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
