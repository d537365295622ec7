package org.centraerp.connector.centra;

import java.util.List;

/** The token is valid but lacks a permission the document needs ("You need X permission to access Y."). */
public class CentraPermissionException extends CentraException {

    private final List<String> permissions;

    public CentraPermissionException(String document, List<String> permissions, List<String> targets) {
        super("Centra token lacks the " + String.join(", ", permissions) + " permission"
                + (permissions.size() > 1 ? "s" : "") + " (needed for " + String.join(", ", targets)
                + " in document '" + document + "') — add "
                + (permissions.size() > 1 ? "them" : "it")
                + " to the token in Centra's AMS (System → API tokens)");
        this.permissions = List.copyOf(permissions);
    }

    /** The missing permissions, e.g. {@code Order:read}. */
    public List<String> permissions() {
        return permissions;
    }
}
