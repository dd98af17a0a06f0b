/**
 * Improvement plans (areas, refs, actions, timescales) and the risk register: their rows,
 * PlanRepositories and PlanService.
 */
package org.laasuite.partnership.plan;
