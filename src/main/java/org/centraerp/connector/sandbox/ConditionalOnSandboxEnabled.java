package org.centraerp.connector.sandbox;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;

/** Every sandbox bean carries this: the sandbox exists only while {@code connector.sandbox.enabled} is true (the default). */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
@Documented
@ConditionalOnProperty(prefix = "connector.sandbox", name = "enabled", havingValue = "true", matchIfMissing = true)
public @interface ConditionalOnSandboxEnabled {
}
