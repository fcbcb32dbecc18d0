package org.formcoach.engine.util;

/**
 * The "did you mean" hint for a mistyped setting name: the nearest known name by edit
 * distance, when it is close enough to be a typing slip rather than another word.
 */
public final class DidYouMean {
    /** Edits (insert, delete, replace) up to which a known name is offered. */
    private static final int MAX_DISTANCE = 4;

    private DidYouMean() {
    }

    /** @return {@code " (did you mean 'x'?)"} for the nearest of the known names, or "" when none is near */
    @SafeVarargs
    public static String hint(String typed, Iterable<String>... known) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (Iterable<String> names : known) {
            for (String name : names) {
                int d = distance(name, typed);
                if (d < bestDistance) {
                    bestDistance = d;
                    best = name;
                }
            }
        }
        return best != null && bestDistance <= MAX_DISTANCE ? " (did you mean '" + best + "'?)" : "";
    }

    /** Levenshtein distance, two rows. */
    static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
