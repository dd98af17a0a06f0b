/**
 * Who may do what: sign-in links (a person's issuer and subject, or verified e-mail), and the rights the
 * governance data gives (AccessService), which every service's writes are checked against.
 */
package org.laasuite.partnership.access;
