package network.synod.web.auth;

import java.lang.reflect.Method;
import java.security.Principal;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.SecurityContext;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Checks the credential of every method marked {@link RequireRole}, before the body is read, and makes the caller the
 * request's {@link SecurityContext} principal (name: the caller's id).
 */
public class RoleFilter {

    @Inject
    Credentials credentials;

    @ServerRequestFilter
    @RequireRole({})
    public void check(ContainerRequestContext request, ResourceInfo resource) {
        RequireRole required = required(resource);
        if (required == null) {
            return;
        }
        String participant = request.getUriInfo().getPathParameters().getFirst("id");
        Caller caller =
                credentials.require(request.getHeaderString(HttpHeaders.AUTHORIZATION), required.value(), participant);
        boolean secure = request.getSecurityContext() != null
                && request.getSecurityContext().isSecure();
        request.setSecurityContext(new CallerContext(caller, secure));
    }

    private static RequireRole required(ResourceInfo resource) {
        Method m = resource.getResourceMethod();
        RequireRole onMethod = m == null ? null : m.getAnnotation(RequireRole.class);
        if (onMethod != null) {
            return onMethod;
        }
        return resource.getResourceClass() == null
                ? null
                : resource.getResourceClass().getAnnotation(RequireRole.class);
    }

    /** The caller as JAX-RS sees it. */
    private record CallerContext(Caller caller, boolean secure) implements SecurityContext {
        @Override
        public Principal getUserPrincipal() {
            return caller::id;
        }

        @Override
        public boolean isUserInRole(String role) {
            return caller.role().name().equalsIgnoreCase(role);
        }

        @Override
        public boolean isSecure() {
            return secure;
        }

        @Override
        public String getAuthenticationScheme() {
            return "Bearer";
        }
    }
}
