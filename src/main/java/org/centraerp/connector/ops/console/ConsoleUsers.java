package org.centraerp.connector.ops.console;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.centraerp.connector.ops.ConnectorSetupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * The console's users from {@code CONSOLE_USERS} ({@code name:role:bcrypt-hash}, separated by commas or blanks).
 * Operators may also do what viewers do. Without users, one operator with a password generated for this start,
 * printed once to the log as Spring Boot does with its own generated password.
 */
final class ConsoleUsers {

    static final String VIEWER = "VIEWER";
    static final String OPERATOR = "OPERATOR";
    static final String GENERATED_USER = "operator";
    private static final Logger log = LoggerFactory.getLogger(ConsoleUsers.class);
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

    private ConsoleUsers() {
    }

    static List<UserDetails> from(String configured, BCryptPasswordEncoder encoder) {
        if (configured == null || configured.isBlank()) {
            String password = generatedPassword();
            log.info("Console user '{}' with the password generated for this start: {} — set CONSOLE_USERS "
                    + "(name:role:bcrypt-hash) to choose users", GENERATED_USER, password);
            return List.of(user(GENERATED_USER, OPERATOR, encoder.encode(password)));
        }
        List<UserDetails> users = new ArrayList<>();
        for (String entry : configured.trim().split("[,\\s]+")) {
            String[] parts = entry.split(":", 3);
            if (parts.length != 3 || parts[0].isBlank() || !parts[2].matches("\\$2[abxy]?\\$\\d\\d\\$.{53}")) {
                throw new ConnectorSetupException("CONSOLE_USERS entry '" + parts[0] + ":…' is not name:role:bcrypt-hash"
                        + " — make the hash with: htpasswd -nbBC 10 '' 'password' | cut -d: -f2");
            }
            String role = parts[1].toUpperCase(Locale.ROOT);
            if (!role.equals(VIEWER) && !role.equals(OPERATOR)) {
                throw new ConnectorSetupException("CONSOLE_USERS user '" + parts[0] + "' has role '" + parts[1]
                        + "' — use viewer or operator");
            }
            users.add(user(parts[0], role, parts[2]));
        }
        return users;
    }

    private static UserDetails user(String name, String role, String hash) {
        List<String> roles = role.equals(OPERATOR) ? List.of(VIEWER, OPERATOR) : List.of(VIEWER);
        return User.withUsername(name).password(hash).roles(roles.toArray(String[]::new)).build();
    }

    private static String generatedPassword() {
        SecureRandom random = new SecureRandom();
        StringBuilder password = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            password.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return password.toString();
    }
}
