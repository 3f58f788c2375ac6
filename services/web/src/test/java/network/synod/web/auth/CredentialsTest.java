package network.synod.web.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import network.synod.web.Problem;

class CredentialsTest {

    private static final Credentials CREDENTIALS = new Credentials(new AuthConfig() {
        @Override
        public Optional<String> adminToken() {
            return Optional.of("admin-secret");
        }

        @Override
        public Optional<String> reputerToken() {
            return Optional.of("reputer-secret");
        }

        @Override
        public Map<String, String> reputerTokens() {
            return Map.of("alice", "alice-secret");
        }

        @Override
        public Map<String, String> participantTokens() {
            return Map.of("bob", "bob-secret", "carol", "carol-secret");
        }
    });

    @Test
    void eachTokenSpeaksForItsRoleAndId() {
        assertEquals(new Caller(Role.ADMIN, "admin"), CREDENTIALS.caller("Bearer admin-secret"));
        assertEquals(
                new Caller(Role.REPUTER, Credentials.DEFAULT_REPUTER), CREDENTIALS.caller("Bearer reputer-secret"));
        assertEquals(new Caller(Role.REPUTER, "alice"), CREDENTIALS.caller("Bearer alice-secret"));
        assertEquals(new Caller(Role.PARTICIPANT, "bob"), CREDENTIALS.caller("Bearer bob-secret"));
    }

    @Test
    void missingOrUnknownIs401AndAnotherRoleIs403() {
        assertEquals(
                401, assertThrows(Problem.class, () -> CREDENTIALS.caller(null)).status());
        assertEquals(
                401,
                assertThrows(Problem.class, () -> CREDENTIALS.caller("Bearer admin-secre"))
                        .status());
        assertEquals(
                401,
                assertThrows(Problem.class, () -> CREDENTIALS.caller("Basic admin-secret"))
                        .status());
        Problem wrongRole = assertThrows(
                Problem.class, () -> CREDENTIALS.require("Bearer alice-secret", new Role[] {Role.ADMIN}, null));
        assertEquals(403, wrongRole.status());
        assertEquals("this endpoint needs the admin role", wrongRole.getMessage());
    }

    @Test
    void aParticipantActsOnlyForItself() {
        Role[] self = {Role.PARTICIPANT};
        assertEquals(
                "bob", CREDENTIALS.require("Bearer bob-secret", self, "bob").id());
        Problem other = assertThrows(Problem.class, () -> CREDENTIALS.require("Bearer bob-secret", self, "carol"));
        assertEquals(403, other.status());
        assertEquals("only carol may do this", other.getMessage());
        assertEquals(
                Role.ADMIN,
                CREDENTIALS
                        .require("Bearer admin-secret", new Role[] {Role.PARTICIPANT, Role.ADMIN}, "carol")
                        .role());
    }
}
