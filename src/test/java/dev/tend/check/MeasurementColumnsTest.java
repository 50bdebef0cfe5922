package dev.tend.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The rollup's token-by-token reader gives back what the writer wrote, NaN and odd units included. */
class MeasurementColumnsTest {
    @Test
    void scanReadsWhatWriteWrote() {
        var written = List.of(new Measurement("used", 61.25, "%"), new Measurement("free", 1.5e12, "bytes"), new Measurement("ratio", Double.NaN, ""),
                new Measurement("sessions:al\"ice", 3, "sessions"), new Measurement("big", Double.POSITIVE_INFINITY, "x"));
        var read = new ArrayList<Measurement>();

        MeasurementColumns.scan(MeasurementColumns.write(written), (name, value, unit) -> read.add(new Measurement(name, value, unit)));

        assertThat(read).isEqualTo(MeasurementColumns.read(MeasurementColumns.write(written))).isEqualTo(written);
    }

    @Test
    void fieldsItDoesNotKnowAndAnEmptyListAreSkipped() {
        var read = new ArrayList<String>();
        MeasurementColumns.scan("[{\"extra\":{\"a\":[1,2]},\"value\":2,\"name\":\"n\",\"unit\":null}]", (name, value, unit) -> read.add(name + "=" + value + unit));
        MeasurementColumns.scan("[]", (name, value, unit) -> read.add("none"));

        assertThat(read).containsExactly("n=2.0");
    }
}
