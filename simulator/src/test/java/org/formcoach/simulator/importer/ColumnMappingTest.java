package org.formcoach.simulator.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ColumnMappingTest {
    private static final String SIX = "ax=a1,ay=a2,az=a3,gx=g1,gy=g2,gz=g3";

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "time=t:s | 1.0", "time=t:ms | 0.001", "time=t:us | 1e-6", "time=t:ns | 1e-9", "time=t | 1.0"})
    void shouldScaleTimeToSeconds(String item, double scale) {
        ColumnMapping m = ColumnMapping.parse(item + "," + SIX);
        assertEquals(scale, m.columns().get(Field.TIME).scale(), 1e-15);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "ax=a:g | AX | 1.0", "ax=a:m/s2 | AX | 0.10197162129779283", "ax=a:m/s^2 | AX | 0.10197162129779283",
            "ax=a:mg | AX | 0.001",
            "gx=g:deg/s | GX | 1.0", "gx=g:dps | GX | 1.0", "gx=g:rad/s | GX | 57.29577951308232",
            "gx=g:mdps | GX | 0.001",
            "mx=m:uT,my=n,mz=o | MX | 1.0", "mx=m:gauss,my=n:gauss,mz=o:gauss | MX | 100.0", "mx=m:nT,my=n,mz=o | MX | 0.001"})
    void shouldScaleEveryUnitToTheEngineUnit(String items, Field field, double scale) {
        String rest = SIX;
        for (String f : new String[]{"ax", "gx"}) {
            if (items.startsWith(f + "=")) {
                rest = rest.replaceFirst(f + "=[^,]*,?", "");
            }
        }
        ColumnMapping m = ColumnMapping.parse(items + (rest.isEmpty() ? "" : "," + rest));
        assertEquals(scale, m.columns().get(field).scale(), 1e-12);
    }

    @Test
    void shouldTellColumnsByPositionFromColumnsByName() {
        ColumnMapping m = ColumnMapping.parse("ax=1,ay=2,az=3,gx=4,gy=5,gz=6");
        assertTrue(m.byPositionOnly());
        assertEquals(4, m.columns().get(Field.GX).position());
        assertTrue(!ColumnMapping.parse(SIX).byPositionOnly());
    }

    @Test
    void shouldReadBackItsOwnDescription() {
        ColumnMapping m = ColumnMapping.parse("time=Time (s),ax=AccX:m/s2,ay=AccY:m/s2,az=AccZ:m/s2,gx=1:rad/s,gy=2,gz=3");
        assertEquals(m, ColumnMapping.parse(m.describe()));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            " | empty",
            "garbage | not FIELD=COLUMN",
            "ax=a,ay=b,az=c,gx=d,gy=e | needs gz",
            "ax=a,ay=b,az=c,gx=d,gy=e,gz=f,mx=g | mx, my, mz",
            "ax=a:furlongs,ay=b,az=c,gx=d,gy=e,gz=f | unknown unit 'furlongs'",
            "ax=a,ay=b,az=c,gx=d:g,gy=e,gz=f | unknown unit 'g' for gx",
            "qx=a,ax=a,ay=b,az=c,gx=d,gy=e,gz=f | unknown field 'qx'",
            "ax=a,ax=b,ay=b,az=c,gx=d,gy=e,gz=f | mapped twice",
            "ax=:g,ay=b,az=c,gx=d,gy=e,gz=f | no column name",
            "ax=0,ay=b,az=c,gx=d,gy=e,gz=f | start at 1"})
    void shouldRejectGarbageWithAClearMessage(String text, String expected) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ColumnMapping.parse(text));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }
}
