/**
 * A price as the cloud quoted it, in the currency's own unit. InquiryPriceCreateInstance answers in
 * `AmountUnit` "pent: 分" (a hundredth of the currency unit) or "microPent: 微分" (a millionth of a pent)
 * (tencentcloud-sdk-nodejs 4.1.313 redis_models.d.ts, InquiryPriceCreateInstanceResponse).
 */
import { type Money, majorAmount } from '../../../shared/clones';

/** The amount in the currency's unit (yuan, dollars): 30400 pent → 304. */
export const moneyValue = (money: Money): number => majorAmount(money);

/**
 * "¥304.00", "US$1.25": with the currency the cloud named, or the bare number and no symbol when it named
 * none (the caller says the currency is unknown). A microPent price keeps up to 6 decimals, so a fraction of
 * a cent per hour is not rounded away.
 */
export function formatMoney(money: Money, lang: string): string {
  const value = moneyValue(money);
  const fraction =
    money.unit === 'microPent'
      ? { minimumFractionDigits: 2, maximumFractionDigits: 6 }
      : { minimumFractionDigits: 2, maximumFractionDigits: 2 };
  const currency = money.currency?.toUpperCase();
  if (currency && /^[A-Z]{3}$/.test(currency)) {
    try {
      return new Intl.NumberFormat(lang, { style: 'currency', currency, ...fraction }).format(value);
    } catch {
      // An unknown code Intl refuses: the number with the code as the cloud wrote it.
    }
    return `${new Intl.NumberFormat(lang, fraction).format(value)} ${currency}`;
  }
  return new Intl.NumberFormat(lang, fraction).format(value);
}
