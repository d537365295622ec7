package org.centraerp.connector.sandbox.store;

public record Folder(int id, String name, Integer parentId, String externalId) implements Identified {

    public boolean isTopFolder() {
        return parentId == null;
    }
}
