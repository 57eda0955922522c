package app.cadence.work;

import static org.assertj.core.api.Assertions.assertThat;

import app.cadence.work.domain.ItemField;
import app.cadence.work.domain.ItemPermissions;
import app.cadence.tenancy.domain.Role;
import java.util.EnumSet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ItemPermissionsTest {

    @ParameterizedTest(name = "{0}, assigned to them: {1} → {2}")
    @CsvSource(delimiter = ';', value = {
            "ADMIN; false; STATUS ASSIGNEE DUE NOTES EVIDENCE",
            "PMO; false; STATUS ASSIGNEE DUE NOTES EVIDENCE",
            "PM; false; STATUS ASSIGNEE DUE NOTES EVIDENCE",
            "PM; true; STATUS ASSIGNEE DUE NOTES EVIDENCE",
            "CONTRIBUTOR; true; STATUS NOTES EVIDENCE",
            "CONTRIBUTOR; false; ''",
            "VIEWER; true; ''",
            "VIEWER; false; ''"})
    void whoMayChangeWhat(Role role, boolean assignedToMe, String fields) {
        EnumSet<ItemField> expected = EnumSet.noneOf(ItemField.class);
        for (String f : fields.split(" ")) {
            if (!f.isBlank()) {
                expected.add(ItemField.valueOf(f));
            }
        }
        assertThat(ItemPermissions.editable(role, assignedToMe)).isEqualTo(expected);
        assertThat(ItemPermissions.managesInstances(role)).isEqualTo(role == Role.ADMIN || role == Role.PMO || role == Role.PM);
    }
}
