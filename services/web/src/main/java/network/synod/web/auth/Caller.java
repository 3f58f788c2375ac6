package network.synod.web.auth;

/**
 * Whom a request's credential speaks for: the role and, for reputers and participants, their id ("admin" for the
 * admin). Resources read it from the request's {@code SecurityContext}, whose principal name is the id.
 */
public record Caller(Role role, String id) {}
