package io.sluice.connectors.mastodon;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The text of a status's HTML {@code content}: paragraphs become blank-line separated, {@code <br>}
 * line breaks, other tags are dropped and character references decoded. Mastodon's content is a small,
 * sanitised subset of HTML (p, br, a, span), which this covers; it is not a general HTML parser.
 *
 * <pre>{@code
 * HtmlText.of("<p>Hello &amp; <a href=\"...\">#welcome</a></p><p>bye</p>")   // "Hello & #welcome\n\nbye"
 * }</pre>
 */
final class HtmlText {
    private static final Pattern PARAGRAPH_BREAK = Pattern.compile("(?i)</p>\\s*<p[^>]*>");
    private static final Pattern LINE_BREAK = Pattern.compile("(?i)<br\\s*/?>");
    private static final Pattern TAG = Pattern.compile("<[^>]*>");
    private static final Pattern REFERENCE = Pattern.compile("&(#[0-9]+|#[xX][0-9a-fA-F]+|[a-zA-Z]+);");
    private static final Map<String, String> NAMED = Map.of("amp", "&", "lt", "<", "gt", ">", "quot", "\"",
            "apos", "'", "nbsp", "\u00a0");

    private HtmlText() {
    }

    static String of(String html) {
        if (html == null) {
            return null;
        }
        String text = PARAGRAPH_BREAK.matcher(html).replaceAll("\n\n");
        text = LINE_BREAK.matcher(text).replaceAll("\n");
        text = TAG.matcher(text).replaceAll("");
        Matcher m = REFERENCE.matcher(text);
        StringBuilder out = new StringBuilder(text.length());
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(decode(m.group(1), m.group())));
        }
        m.appendTail(out);
        return out.toString().strip();
    }

    private static String decode(String reference, String whole) {
        try {
            if (reference.startsWith("#x") || reference.startsWith("#X")) {
                return new String(Character.toChars(Integer.parseInt(reference.substring(2), 16)));
            }
            if (reference.startsWith("#")) {
                return new String(Character.toChars(Integer.parseInt(reference.substring(1))));
            }
        } catch (IllegalArgumentException e) {
            return whole;
        }
        return NAMED.getOrDefault(reference.toLowerCase(java.util.Locale.ROOT), whole);
    }
}
