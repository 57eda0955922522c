package app.cadence.portfolio;

import static org.assertj.core.api.Assertions.assertThat;

import app.cadence.portfolio.ui.SvgCharts;
import app.cadence.portfolio.ui.SvgCharts.Bar;
import java.util.List;
import org.junit.jupiter.api.Test;

class SvgChartsTest {

    @Test
    void barsAreDrawnWithTheirValuesAndLabelsEscaped() {
        String svg = SvgCharts.bars("Health <b>", List.of(new Bar("Red", 3, "#c62828"), new Bar("<script>alert(1)</script>", 1, "\"><x")));

        assertThat(svg).startsWith("<svg xmlns=\"http://www.w3.org/2000/svg\"").endsWith("</svg>");
        assertThat(svg).contains("aria-label=\"Health &lt;b&gt;\"");
        assertThat(svg.split("<rect", -1)).hasSize(3);
        assertThat(svg).contains("<title>Red: 3</title>");
        assertThat(svg).doesNotContain("<script>").contains("&lt;script&gt;alert(1)&lt;/script&gt;");
        assertThat(svg).doesNotContain("\"><x").contains("fill=\"&quot;&gt;&lt;x\"");
    }

    @Test
    void theTallestBarFillsTheChartAndZeroDrawsNothingHigh() {
        String svg = SvgCharts.bars("Go-lives", List.of(new Bar("Jan", 0, "#1565c0"), new Bar("Feb", 4, "#1565c0")));
        assertThat(svg).contains("height=\"0\"").contains("height=\"130\"");
    }

    @Test
    void aLineHasOnePointPerValue() {
        String svg = SvgCharts.line("Overdue", List.of(new Bar("1 Jan", 5, "x"), new Bar("8 Jan", 2, "x"), new Bar("15 Jan", 0, "x")), "#c62828");
        assertThat(svg.split("<circle", -1)).hasSize(4);
        assertThat(svg).contains("<path d=\"M");
        assertThat(svg).contains(">5</text>"); // the scale's top value
    }
}
