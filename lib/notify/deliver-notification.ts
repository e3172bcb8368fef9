/**
 * CONTRACT STUB (issue 14, notifications implements): claims one NotifyDelivery row (lease), sends it (signed JSON
 * POST or Matrix PUT with the row id as txnId) through the SSRF-safe fetch, records the outcome with backoff.
 */
export async function deliverNotification(deliveryId: string): Promise<void> {
  void deliveryId;
}

/** CONTRACT STUB: deliveries due now (pending with backoff over, or sending with a lapsed lease). */
export async function dueDeliveries(now: Date, limit = 200): Promise<string[]> {
  void now; void limit;
  return [];
}
