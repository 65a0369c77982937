namespace Gateway.WeChatPay.Bills;

/// <summary>A bill that does not have the documented layout; nothing in it may be used.</summary>
public sealed class TradeBillFormatException(string message, Exception? innerException = null) : Exception(message, innerException);
