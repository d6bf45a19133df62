package xxgk.crawler.portals;

import java.util.ArrayList;
import java.util.List;

/**
 * How well report recognition did on the fixture portals: a recognised report is right when it names the site and
 * year of a reachable expected report and shares a URL with it, each expected report counting once; decoys and
 * duplicates recognised as reports lower the precision ({@code wrong}), reports missed lower the recall ({@code missed}).
 */
record RecognitionScore(int recognised, int correct, int expected, List<String> missed, List<String> wrong) {

    static RecognitionScore of(List<RecognisedReport> recognised, List<ExpectedReport> truth) {
        List<ExpectedReport> open = new ArrayList<>(truth.stream().filter(r -> r.reach() == ExpectedReport.Reach.REACHABLE).toList());
        int expected = open.size();
        int correct = 0;
        List<String> wrong = new ArrayList<>();
        for (RecognisedReport report : recognised) {
            ExpectedReport match = open.stream().filter(e -> e.site().equals(report.site()) && e.year() == report.year()
                    && e.urls().stream().anyMatch(report.locations()::contains)).findFirst().orElse(null);
            if (match != null) {
                open.remove(match);
                correct++;
            } else {
                wrong.add(report.site() + " " + report.year() + " " + report.locations());
            }
        }
        List<String> missed = open.stream().map(e -> e.site() + " " + e.year() + " " + e.title()).toList();
        return new RecognitionScore(recognised.size(), correct, expected, missed, wrong);
    }

    double precision() {
        return recognised == 0 ? 0 : (double) correct / recognised;
    }

    double recall() {
        return expected == 0 ? 0 : (double) correct / expected;
    }
}
