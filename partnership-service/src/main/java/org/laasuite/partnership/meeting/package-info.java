/**
 * Meetings with attendance, numbered items and actions (which may name the indicators they are
 * on). It holds their rows, MeetingRepositories, MeetingService (matters arising, open actions
 * by body or indicator) and MeetingMapper.
 */
package org.laasuite.partnership.meeting;
