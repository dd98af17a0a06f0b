/**
 * FundingImporter loads the agreement's funding table and commitments (docs/data-formats.md).
 * Both files are checked whole, then written in one transaction, or nothing is written.
 */
package org.laasuite.funding.importer;
