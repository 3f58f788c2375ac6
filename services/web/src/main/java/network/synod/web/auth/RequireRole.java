package network.synod.web.auth;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import jakarta.ws.rs.NameBinding;

/**
 * The roles that may call a resource method (or every method of a resource class). {@link RoleFilter} checks the
 * bearer token before the body is read, so a caller without the right credential learns nothing about what it sent:
 * a missing or unknown token is 401, a known token of another role 403. For {@link Role#PARTICIPANT} the token must
 * also belong to the participant named by the path parameter {@code id}.
 */
@NameBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface RequireRole {
    Role[] value();
}
