package org.centraerp.connector.state;

import java.time.Instant;

/**
 * How far a flow got with one file content (identified by checksum, whatever the file's name).
 *
 * @param started true if this {@code begin} call created the checkpoint (first time this content is seen)
 */
public record FileCheckpoint(String flow, String fileName, String checksum, Status status, long linesDone,
                             Instant updatedAt, boolean started) {

    public enum Status { IN_PROGRESS, DONE, FAILED }

    /** The same content was processed completely before: skip the file. */
    public boolean isDone() {
        return status == Status.DONE;
    }

    /** Lines already applied; a resumed file continues after them. */
    public long resumeAfterLine() {
        return linesDone;
    }
}
