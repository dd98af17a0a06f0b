/**
 * The partnership's constitution as rules: GovernanceRules (pure: community places on theme
 * groups, rotation of the board chair) and GovernanceService, which reads the structure once
 * and applies them.
 */
package org.laasuite.partnership.governance;
