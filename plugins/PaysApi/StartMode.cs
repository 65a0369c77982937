namespace Gateway.Plugins.PaysApi;

/// <summary>How an instance starts a payment (setting <c>StartMode</c>). REF: docs/protocols.md §E1.</summary>
internal enum StartMode
{
    /// <summary>
    /// The payer's browser form-posts the signed fields to PaysAPI, which shows its hosted pay page.
    /// The API answers <c>form_post</c>; <c>/p/{instance}/pay/{paymentId}</c> serves the auto-submitting form.
    /// </summary>
    FormPost,

    /// <summary>The gateway posts the same fields to <c>?format=json</c> and answers a <c>qr_code</c>.</summary>
    Json,
}
