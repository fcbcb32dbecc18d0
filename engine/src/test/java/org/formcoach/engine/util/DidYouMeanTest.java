package org.formcoach.engine.util;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

class DidYouMeanTest {
    @Test
    void shouldOfferTheNearestKnownNameForATypingSlip() {
        assertEquals(" (did you mean 'plank.hip_sag.warn_deg'?)",
                DidYouMean.hint("plank.hip_sga.warn_deg", List.of("hinge.lumbar_flexion.warn_deg"),
                        List.of("plank.hip_sag.warn_deg", "plank.hip_pike.warn_deg")));
    }

    @Test
    void shouldOfferNothingWhenNoNameIsNear() {
        assertEquals("", DidYouMean.hint("colour", List.of("plank.hip_sag.warn_deg", "port")));
    }

    @Test
    void shouldCountInsertionsDeletionsAndReplacements() {
        assertEquals(3, DidYouMean.distance("kitten", "sitting"));
        assertEquals(0, DidYouMean.distance("same", "same"));
        assertEquals(4, DidYouMean.distance("", "four"));
    }
}
