/**
 * Bodies (board, theme groups, sub-groups and so on) and memberships. It holds their rows,
 * BodyRepositories, and BodyService, which also answers who is responsible for what (chairs,
 * leaders, advisors) for the gateway.
 */
package org.laasuite.partnership.body;
