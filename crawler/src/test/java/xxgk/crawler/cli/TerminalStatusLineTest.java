package xxgk.crawler.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

/** On a terminal the progress is one line, redrawn in place, and gone when the crawl ends. */
class TerminalStatusLineTest {

    @Test
    void redrawsInPlaceCoversALongerLineAndWipesItselfWithoutEscapeCodes() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        TerminalStatusLine line = new TerminalStatusLine(new PrintStream(bytes, true, StandardCharsets.UTF_8));

        line.show("0m01s  10 pages");
        line.show("0m02s  9 页");
        line.done();

        String shown = bytes.toString(StandardCharsets.UTF_8);
        // 页 takes two columns: the second line is 11 wide, so four spaces cover the 15 of the first.
        assertThat(shown).isEqualTo("\r0m01s  10 pages" + "\r0m02s  9 页" + "    " + "\r" + " ".repeat(11) + "\r");
        assertThat(shown).doesNotContain("\n", "\u001b");
    }
}
