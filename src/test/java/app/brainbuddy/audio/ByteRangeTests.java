package app.brainbuddy.audio;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ByteRangeTests {

    private static final long SIZE = 1000;

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = ';',
            nullValues = "none",
            value = {
                "bytes=0-99; 0; 99",
                "bytes=990-; 990; 999",
                "bytes=-10; 990; 999",
                "bytes=-5000; 0; 999",
                "bytes=500-5000; 500; 999",
                "bytes=999-999; 999; 999",
            })
    void aSingleRangeIsClippedToTheFile(String header, long first, long last) {
        assertThat(ByteRange.parse(header, SIZE)).isEqualTo(new ByteRange(first, last));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = ';',
            value = {"bytes=1000-", "bytes=5000-6000", "bytes=-0"})
    void aRangeWhollyPastTheEndIsUnsatisfiable(String header) {
        assertThat(ByteRange.parse(header, SIZE)).isSameAs(ByteRange.UNSATISFIABLE);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = ';',
            value = {"bytes=0-1,5-6", "items=0-5", "bytes=5-1", "bytes=-", "bytes=99999999999999999999-", "nonsense"})
    void anythingElseIsIgnoredSoTheWholeFileIsSent(String header) {
        assertThat(ByteRange.parse(header, SIZE)).isNull();
    }
}
