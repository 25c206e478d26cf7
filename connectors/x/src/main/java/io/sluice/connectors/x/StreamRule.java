package io.sluice.connectors.x;

/**
 * One filtered-stream rule as the pipeline declares it. Two rules are the same when value and tag are.
 *
 * @param value the rule text, e.g. {@code cat has:images -is:retweet}
 * @param tag   the label X puts in each matching tweet's {@code matching_rules}
 */
record StreamRule(String value, String tag) {
}
