package network.synod.models.text;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What a sentence embedder reads of a raw mail: its Subject and From lines and its body with HTML tags, MIME
 * boundaries and runs of whitespace removed, cut to a length. The other headers (Received chains, message ids)
 * are noise to a model trained on sentences; the token models read the raw text.
 */
public final class MailText {

    private static final Pattern TAG = Pattern.compile("<[^>]{0,500}>");
    private static final Pattern SPACE = Pattern.compile("\\s+");
    private static final Pattern BOUNDARY_OR_MIME_HEADER = Pattern.compile("(?im)^(--\\S+|content-[a-z-]+:.*)$");

    private MailText() {}

    /** Where the headers end: after the first blank line, or 0 when there is none. */
    static int headerEnd(String raw) {
        int unix = raw.indexOf("\n\n");
        int dos = raw.indexOf("\r\n\r\n");
        if (unix < 0 && dos < 0) {
            return 0;
        }
        if (unix < 0 || (dos >= 0 && dos < unix)) {
            return dos + 4;
        }
        return unix + 2;
    }

    /** Subject, From and cleaned body, at most {@code maxChars} characters. */
    public static String readable(String raw, int maxChars) {
        int end = headerEnd(raw);
        StringBuilder b = new StringBuilder();
        for (String line : raw.substring(0, end).split("\r?\n")) {
            String lower = line.toLowerCase(Locale.ROOT);
            if (lower.startsWith("subject:") || lower.startsWith("from:")) {
                b.append(line.trim()).append(". ");
            }
        }
        String body = BOUNDARY_OR_MIME_HEADER.matcher(raw.substring(end)).replaceAll(" ");
        body = TAG.matcher(body).replaceAll(" ");
        b.append(SPACE.matcher(body).replaceAll(" ").trim());
        return b.length() <= maxChars ? b.toString() : b.substring(0, maxChars);
    }
}
