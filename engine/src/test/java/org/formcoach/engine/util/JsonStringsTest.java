package org.formcoach.engine.util;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JsonStringsTest {
    private static String quoted(String s, boolean forPage) {
        return JsonStrings.append(new StringBuilder(), s, forPage).toString();
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void shouldEscapeWhatJsonRequires(boolean forPage) {
        assertEquals("\"a\\\"b\\\\c\\nd\\re\\tf\\u0001g\"", quoted("a\"b\\c\nd\re\tf\u0001g", forPage));
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void shouldWriteNullAsTheJsonLiteral(boolean forPage) {
        assertEquals("null", quoted(null, forPage));
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void shouldEscapeMarkupAndLineSeparatorsOnlyForAPage(boolean forPage) {
        String s = "<b>\u2028\u2029é";
        assertEquals(forPage ? "\"\\u003cb>\\u2028\\u2029é\"" : "\"<b>\u2028\u2029é\"", quoted(s, forPage));
    }
}
