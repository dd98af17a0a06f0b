/**
 * The HTTP face of the gateway: PageController (HTML and PDF), ApiController (proto3 JSON under
 * {@code /api/v1}, {@code /openapi}), Views (parameters checked, template variables) and Errors
 * (problem+json under {@code /api}, an error page elsewhere).
 */
package org.laasuite.reporting.web;
