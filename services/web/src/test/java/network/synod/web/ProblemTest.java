package network.synod.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class ProblemTest {

    @Test
    void theBodyFollowsRfc9457AndLeavesOutAnUnknownInstance() {
        Map<String, Object> b = ProblemResponses.body(404, "no topic 'x'", "/v1/topics/x", Map.of());
        assertEquals(List.of("type", "title", "status", "detail", "instance"), List.copyOf(b.keySet()));
        assertEquals(404, b.get("status"));
        assertEquals("no topic 'x'", b.get("detail"));
        Map<String, Object> bare = ProblemResponses.body(409, null, null, Map.of());
        assertFalse(bare.containsKey("instance"));
        assertEquals("Conflict", bare.get("detail"), "a problem without detail repeats its title");
    }

    @Test
    void onlyErrorStatusesAreProblems() {
        assertEquals(503, Problem.unavailable("down").status());
        assertEquals("Forbidden", Problem.forbidden("no").title());
        assertThrows(IllegalArgumentException.class, () -> new Problem(200, "fine"));
    }

    @Test
    void everyStatusHasOneTitleAsRfc9110NamesIt() {
        assertEquals("Bad Request", Titles.of(400));
        assertEquals("Unprocessable Content", Titles.of(422));
        assertEquals("Content Too Large", Titles.of(413));
        assertEquals("Internal Server Error", Titles.of(500));
        assertEquals("Bad Request", Titles.of(499), "an unnamed 4xx takes its class's title");
        assertEquals(Titles.of(422), Problem.unprocessable("x").title());
    }

    @Test
    void aBearerTokenIsReadOnlyFromTheBearerScheme() {
        assertEquals("abc", BearerToken.of("Bearer  abc "));
        assertNull(BearerToken.of("Basic abc"));
        assertNull(BearerToken.of("Bearer   "));
        assertNull(BearerToken.of(null));
    }
}
