package app.cadence.benchmark;

import app.cadence.comms.service.Audience;
import app.cadence.comms.service.Audiences;
import app.cadence.comms.service.Stakeholders;
import app.cadence.comms.service.StakeholderImportException;
import app.cadence.support.Fixtures;
import app.cadence.support.Fixtures.Member;
import app.cadence.support.IntegrationTest;
import app.cadence.tenancy.domain.Role;
import app.cadence.tenancy.service.TenantScope;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Sort;

/**
 * Issue C9's stakeholder figures: importing the largest CSV file the register takes (5,000 rows,
 * every row checked before anything is saved, each audited), refusing one with an error on its last
 * row, importing it again as updates, a register page and an audience of 5,000 stakeholders.
 * Through the secured, transactional services in-process. {@code bin/mvn test -Pbenchmark
 * -Dtest=StakeholderImportBenchmark [-Pmariadb]}; prints and writes target/benchmark-stakeholders.txt.
 */
@Tag("benchmark")
@IntegrationTest
class StakeholderImportBenchmark {

    private static final int ROWS = 5_000;

    @Autowired Fixtures fixtures;
    @Autowired TenantScope scope;
    @Autowired Stakeholders stakeholders;
    @Autowired Audiences audiences;

    @Test
    void importsTheLargestFile() throws Exception {
        Member pm = fixtures.member(fixtures.tenant("Stakeholder bench"), Role.PM);
        Long project = fixtures.project(pm, "BIG-1", "Big register");
        StringBuilder file = new StringBuilder("Name,Email,Organisation,Role,Influence,Interest,Channel,Notes\n");
        for (int i = 0; i < ROWS; i++) {
            file.append("Person ").append(i).append(",person").append(i).append("@acme.example,Acme,Key user,")
                    .append(i % 3 == 0 ? "High" : "Low").append(",Medium,Email,Imported\n");
        }
        byte[] good = file.toString().getBytes(StandardCharsets.UTF_8);
        byte[] bad = (file + "Broken,broken@,Acme,,Huge,,,\n").getBytes(StandardCharsets.UTF_8);
        StringBuilder out = new StringBuilder();

        long t0 = System.nanoTime();
        try {
            scope.call(pm.userId(), pm.tenantId(), () -> stakeholders.importCsv(project, bad));
        } catch (StakeholderImportException expected) {
            out.append(String.format("refused %d rows (error on the last): %d ms%n", ROWS + 1, (System.nanoTime() - t0) / 1_000_000));
        }
        long t1 = System.nanoTime();
        Stakeholders.ImportResult added = scope.call(pm.userId(), pm.tenantId(), () -> stakeholders.importCsv(project, good));
        out.append(String.format("imported %d rows (%d added): %d ms%n", ROWS, added.added(), (System.nanoTime() - t1) / 1_000_000));
        long t2 = System.nanoTime();
        Stakeholders.ImportResult updated = scope.call(pm.userId(), pm.tenantId(), () -> stakeholders.importCsv(project, good));
        out.append(String.format("imported again (%d updated, nothing changed): %d ms%n", updated.updated(), (System.nanoTime() - t2) / 1_000_000));
        long t3 = System.nanoTime();
        scope.call(pm.userId(), pm.tenantId(), () -> stakeholders.list(project, "", Sort.by(Sort.Direction.DESC, "influence"), 0, 50));
        scope.call(pm.userId(), pm.tenantId(), () -> stakeholders.summary(project));
        out.append(String.format("register first page sorted by influence + summary: %d ms%n", (System.nanoTime() - t3) / 1_000_000));
        Set<Long> all = scope.call(pm.userId(), pm.tenantId(), () -> stakeholders.list(project, "", Sort.unsorted(), 0, 500)).stream()
                .map(s -> s.id()).collect(java.util.stream.Collectors.toSet());
        long t4 = System.nanoTime();
        int n = scope.call(pm.userId(), pm.tenantId(), () -> audiences.recipients(project, new Audience(Set.of(), all))).size();
        out.append(String.format("recipients of an audience of %d stakeholders: %d ms%n", n, (System.nanoTime() - t4) / 1_000_000));
        System.out.print(out);
        Files.writeString(Path.of("target", "benchmark-stakeholders.txt"), out);
    }
}
