-- The channel the merchant asked for when it differs from the one serving the payment: 'any' for an aggregated
-- checkout, whose channel and provider instance the payer chooses on the checkout page (empty until then).
ALTER TABLE payments ADD COLUMN requested_channel TEXT NULL;
