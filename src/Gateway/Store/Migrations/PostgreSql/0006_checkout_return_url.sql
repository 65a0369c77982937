-- The payer's way back to the merchant after a successful checkout (https, or http on loopback in test mode).
ALTER TABLE payments ADD COLUMN return_url TEXT NULL;
