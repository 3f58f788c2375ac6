package network.synod.models.text;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The distinct tokens of a raw mail for naive Bayes: runs of letters, digits and {@code $!'-} of 2 to 30
 * characters, lower-cased; a token of the headers (before the first blank line) is prefixed {@code h:}, since
 * "free" in a Subject line says something else than in a body.
 */
final class MailTokens {

    private static final Pattern TOKEN = Pattern.compile("[\\p{L}\\p{N}$!'-]{2,30}");

    /** The most tokens read from one message, so a huge attachment costs no more than a long mail. */
    static final int MAX_TOKENS = 20_000;

    private MailTokens() {}

    static Set<String> distinct(String raw) {
        int split = MailText.headerEnd(raw);
        Set<String> tokens = new LinkedHashSet<>();
        Matcher m = TOKEN.matcher(raw);
        int read = 0;
        while (m.find() && read++ < MAX_TOKENS) {
            String t = m.group().toLowerCase(Locale.ROOT);
            tokens.add(m.start() < split ? "h:" + t : t);
        }
        return tokens;
    }
}
