package org.centraerp.connector.erp;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

import org.apache.camel.Exchange;
import org.apache.camel.Header;
import org.springframework.stereotype.Component;

/**
 * Names beside an ERP inbox, for route template import-erp-file: a file that was handled goes to {@code .done/}
 * with its report, a file refused whole to {@code .error/} with the reason; the inbox's own endpoint (a folder,
 * SFTP...) moves the file and writes the report there.
 */
@Component("erpInbox")
public class ErpInbox {

    static final String DONE = ".done";
    static final String ERROR = ".error";
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS");

    /** {@code .done/<name>}: where the consumer moves a handled file (header ErpFileArchive). */
    public String done(@Header(Exchange.FILE_NAME_ONLY) String name, @Header("CamelFileAbsolutePath") String path) {
        return DONE + "/" + archiveName(name, path, DONE);
    }

    /** {@code .error/<name>}: where the consumer moves a refused file (header ErpFileArchive). */
    public String error(@Header(Exchange.FILE_NAME_ONLY) String name, @Header("CamelFileAbsolutePath") String path) {
        return ERROR + "/" + archiveName(name, path, ERROR);
    }

    /** The report's name, relative to the inbox: {@code .done/<name>.report.csv}. */
    public String report(@Header(ErpHeaders.ARCHIVE) String archive) {
        return archive + ".report.csv";
    }

    /** The reason's name, relative to the inbox: {@code .error/<name>.error.txt}. */
    public String reason(@Header(ErpHeaders.ARCHIVE) String archive) {
        return archive + ".error.txt";
    }

    /**
     * The file's name in the archive folder. A name already there gets a time stamp, so no report is lost; on an
     * endpoint other than a local folder (SFTP...) that cannot be looked at from here, the name is always stamped.
     */
    static String archiveName(String name, String path, String folder) {
        Path local = path == null ? null : Path.of(path);
        if (local != null && Files.isRegularFile(local) && !Files.exists(local.resolveSibling(folder).resolve(name))) {
            return name;
        }
        int dot = name.lastIndexOf('.');
        String stamp = LocalDateTime.now().format(STAMP);
        return dot > 0 ? name.substring(0, dot) + "-" + stamp + name.substring(dot) : name + "-" + stamp;
    }
}
