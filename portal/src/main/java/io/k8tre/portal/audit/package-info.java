/**
 * The record of access: one durable event per security decision that matters.
 *
 * <p>Writing never slows an answer: events go into a bounded buffer written by one background
 * thread; a full buffer refuses new events and counts each refusal. The gateway's allows are folded
 * (one record when access starts, then a count per interval), its denies recorded one by one.
 * Storage follows the session store: PostgreSQL in production, memory in the demo.
 */
package io.k8tre.portal.audit;
