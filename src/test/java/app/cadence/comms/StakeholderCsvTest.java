package app.cadence.comms;

import static org.assertj.core.api.Assertions.assertThat;

import app.cadence.comms.domain.StakeholderChannel;
import app.cadence.comms.domain.StakeholderCsv;
import app.cadence.comms.domain.StakeholderDraft;
import app.cadence.comms.domain.StakeholderEngagement;
import app.cadence.comms.domain.StakeholderLevel;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Reading and writing the stakeholder register as CSV: every problem found at once, by row and column. */
class StakeholderCsvTest {

    private static StakeholderCsv.Parsed read(String text) {
        return StakeholderCsv.read(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void readsKnownColumnsInAnyOrderAndCaseWithQuotesAndDefaults() {
        StakeholderCsv.Parsed parsed = read("""
                EMAIL,name,Organization,Role,influence,Interest,Preferred channel,Notes\r
                jane.roe@acme.example,Jane Roe,Acme,Sponsor,high,H,Status report,"Wants the RAG, not the detail"\r
                ,"Bob ""Bobby"" Smith",,End users,,,,"Line one
                line two"\r
                \r
                """);

        assertThat(parsed.errors()).isEmpty();
        assertThat(parsed.rows()).extracting(StakeholderCsv.Row::number).containsExactly(2, 3);
        StakeholderDraft jane = parsed.rows().get(0).draft();
        assertThat(jane).isEqualTo(new StakeholderDraft("Jane Roe", "jane.roe@acme.example", "Acme", "Sponsor", StakeholderLevel.HIGH,
                StakeholderLevel.HIGH, StakeholderChannel.REPORT, "Wants the RAG, not the detail"));
        StakeholderDraft bob = parsed.rows().get(1).draft();
        assertThat(bob.name()).isEqualTo("Bob \"Bobby\" Smith");
        assertThat(bob.email()).isNull();
        assertThat(bob.influence()).as("blank level is medium").isEqualTo(StakeholderLevel.MEDIUM);
        assertThat(bob.channel()).as("blank channel is email").isEqualTo(StakeholderChannel.EMAIL);
        assertThat(bob.notes()).isEqualTo("Line one\nline two");
    }

    @Test
    void semicolonSeparatedFilesAsExcelWritesThemInSomeCountries() {
        StakeholderCsv.Parsed parsed = read("\uFEFFName;Email;Influence\nJürgen Müller;j.mueller@vendor.example;Low\n");
        assertThat(parsed.errors()).isEmpty();
        assertThat(parsed.rows()).singleElement().satisfies(r -> {
            assertThat(r.draft().name()).isEqualTo("Jürgen Müller");
            assertThat(r.draft().influence()).isEqualTo(StakeholderLevel.LOW);
        });
    }

    @Test
    void everyWrongCellIsReportedByRowAndColumnAndNothingPasses() {
        StakeholderCsv.Parsed parsed = read("""
                Name,Email,Influence,Interest,Channel
                Jane Roe,jane@acme.example,High,High,Email
                ,bob@acme.example,Medium,Low,Email
                Carl,not-an-address,Huge,Low,Fax
                Dana,JANE@acme.example,Low,Low,Email
                """);

        assertThat(parsed.ok()).isFalse();
        assertThat(parsed.rows()).as("nothing may be imported").isEmpty();
        assertThat(parsed.errors()).containsExactly(
                "Row 3, column Name: Enter the stakeholder's name.",
                "Row 4, column Influence: “Huge” is not a level. Use Low, Medium or High.",
                "Row 4, column Channel: “Fax” is not a channel. Use one of: Email, Meeting, Chat (Teams, Slack), Phone, Status report.",
                "Row 4, column Email: “not-an-address” is not an email address. Enter one like jane.roe@example.com, or leave it empty.",
                "Row 5, column Email: JANE@acme.example is already on row 2. Keep one row per person.");
    }

    @Test
    void unknownOrMissingColumnsAreRefusedBeforeAnyRow() {
        assertThat(read("Name,Phone number\nJane,123\n").errors()).singleElement().asString()
                .startsWith("Row 1, column 2: “Phone number” is not a column Cadence knows. The columns are Name, Email, Organisation");
        assertThat(read("Email\njane@acme.example\n").errors()).singleElement().asString().startsWith("Row 1: the file has no Name column.");
        assertThat(read("Name,name\nJane,Jane\n").errors()).singleElement().asString().contains("names the Name column a second time");
        assertThat(read("").errors()).singleElement().asString().startsWith("The file is empty.");
        assertThat(read("Name\n").errors()).singleElement().asString().startsWith("The file has a header but no stakeholders");
        assertThat(read("Name,Email\n\"Jane,jane@acme.example\n").errors()).singleElement().asString()
                .startsWith("Row 2: a value opens a quote");
        assertThat(read("Name,Email\nJane,jane@acme.example,extra\n").errors()).singleElement().asString()
                .startsWith("Row 2: it has 3 values but the header names 2 columns.");
        assertThat(StakeholderCsv.read(new byte[] {'N', 'a', 'm', 'e', '\n', (byte) 0xC3, (byte) 0x28}).errors()).singleElement().asString()
                .startsWith("The file is not UTF-8 text.");
    }

    @Test
    void manyProblemsAreCappedWithACountOfTheRest() {
        StringBuilder file = new StringBuilder("Name,Email\n");
        for (int i = 0; i < 80; i++) {
            file.append("Person ").append(i).append(",bad-").append(i).append('\n');
        }
        StakeholderCsv.Parsed parsed = read(file.toString());
        assertThat(parsed.errorCount()).isEqualTo(80);
        assertThat(parsed.shownErrors()).hasSize(StakeholderCsv.ERRORS_SHOWN + 1).last().isEqualTo("… and 30 more problems.");
    }

    @Test
    void theExportReadsBackAndKeepsFormulasInert() {
        List<StakeholderDraft> register = List.of(
                new StakeholderDraft("=HYPERLINK(\"http://evil\")", "a@acme.example", "Acme, Inc.", null, StakeholderLevel.LOW,
                        StakeholderLevel.HIGH, StakeholderChannel.MEETING, "Said \"no\"\nthen yes"),
                new StakeholderDraft("Bo", null, null, "User rep", StakeholderLevel.MEDIUM, StakeholderLevel.MEDIUM, StakeholderChannel.CHAT, null));
        byte[] file = StakeholderCsv.write(register);
        String text = new String(file, StandardCharsets.UTF_8);
        assertThat(text).startsWith("\uFEFFName,Email,Organisation,Role,Influence,Interest,Channel,Notes\r\n");
        assertThat(text).contains("\"'=HYPERLINK(\"\"http://evil\"\")\"");

        StakeholderCsv.Parsed back = StakeholderCsv.read(file);
        assertThat(back.errors()).isEmpty();
        assertThat(back.rows()).extracting(StakeholderCsv.Row::draft).containsExactlyElementsOf(register);
    }

    @Test
    void engagementFollowsTheInfluenceInterestGrid() {
        assertThat(StakeholderEngagement.of(StakeholderLevel.HIGH, StakeholderLevel.HIGH)).isEqualTo(StakeholderEngagement.MANAGE_CLOSELY);
        assertThat(StakeholderEngagement.of(StakeholderLevel.HIGH, StakeholderLevel.MEDIUM)).isEqualTo(StakeholderEngagement.KEEP_SATISFIED);
        assertThat(StakeholderEngagement.of(StakeholderLevel.LOW, StakeholderLevel.HIGH)).isEqualTo(StakeholderEngagement.KEEP_INFORMED);
        assertThat(StakeholderEngagement.of(StakeholderLevel.MEDIUM, StakeholderLevel.LOW)).isEqualTo(StakeholderEngagement.MONITOR);
    }
}
