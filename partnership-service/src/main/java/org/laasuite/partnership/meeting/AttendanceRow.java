package org.laasuite.partnership.meeting;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import org.laasuite.partnership.v1.AttendanceStatus;
import org.laasuite.partnership.v1.Role;

@MappedEntity("attendance")
public record AttendanceRow(@Id @GeneratedValue @Nullable Long id, long meetingId, long personId, int position,
    AttendanceStatus status, @Nullable Role role, String affiliation, String asPrinted,
    @Nullable Long substituteForId) {
}
