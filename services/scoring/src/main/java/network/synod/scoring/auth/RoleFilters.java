package network.synod.scoring.auth;

import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Checks credentials before the body is read, so a caller without the right token learns nothing about
 * the validity of what it sent (401/403 win over 400).
 */
public class RoleFilters {

    @Inject
    Credentials credentials;

    @ServerRequestFilter
    @AdminOnly
    public void admin(ContainerRequestContext request) {
        credentials.requireAdmin(request.getHeaderString(HttpHeaders.AUTHORIZATION));
    }

    @ServerRequestFilter
    @ReputerOnly
    public void reputer(ContainerRequestContext request) {
        credentials.requireReputer(request.getHeaderString(HttpHeaders.AUTHORIZATION));
    }
}
