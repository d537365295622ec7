package org.centraerp.connector.ops.console;

import java.security.Principal;

import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What every console page knows: who is logged in and whether they may act. */
@ControllerAdvice(basePackageClasses = ConsoleModel.class)
public class ConsoleModel {

    @ModelAttribute("user")
    public String user(Principal principal) {
        return principal == null ? null : principal.getName();
    }

    @ModelAttribute("operator")
    public boolean operator(Authentication authentication) {
        return isOperator(authentication);
    }

    static boolean isOperator(Authentication authentication) {
        return authentication != null && authentication.getAuthorities().stream()
                .anyMatch(a -> ("ROLE_" + ConsoleUsers.OPERATOR).equals(a.getAuthority()));
    }
}
