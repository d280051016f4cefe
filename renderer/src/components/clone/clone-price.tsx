/**
 * The price before the order: the amount with its currency, the billing mode, and what it covers (an hour of
 * pay-as-you-go, or the whole monthly period), from InquiryPriceCreateInstance. What the answer left out (its
 * currency, its amount unit) is said, never filled in silently.
 */
import { useTranslation } from 'react-i18next';
import type { ClonePrice as Price } from '../../../../shared/clones';
import { formatDateTime } from '../../lib/format';
import { formatMoney, moneyValue } from '../../lib/money';
import { useTimeZone } from '../../lib/use-time-zone';

export function ClonePrice({ price }: { price: Price }) {
  const { t, i18n } = useTranslation();
  const zone = useTimeZone();
  const lang = i18n.language;
  const amount = formatMoney(price.price, lang);
  const original = price.originalPrice;
  const discounted = original !== undefined && moneyValue(original) > moneyValue(price.price);
  return (
    <div className="clone-price" data-testid="clone-price">
      <p className="price-line">
        <strong className="price-amount" data-testid="clone-price-amount">
          {amount}
        </strong>{' '}
        <span data-testid="clone-price-per">
          {price.per === 'hour'
            ? t('clone.price.perHour')
            : t('clone.price.forMonths', { count: price.period })}
        </span>
        {discounted && (
          <span className="muted small">
            {' '}
            {t('clone.price.original', { amount: formatMoney(original, lang) })}
          </span>
        )}
      </p>
      <p className="small">
        {t(`clone.billing.${price.billingMode === 'monthly' ? 'monthly' : 'payg'}`)}
        {' · '}
        {t('clone.price.quotedAt', { time: formatDateTime(price.quotedAt, zone) })}
      </p>
      {!price.price.currency && (
        <p className="banner banner-warn small" role="note">
          {t('clone.price.currencyUnknown')}
        </p>
      )}
      {!price.price.unitStated && (
        <p className="banner banner-warn small" role="note" data-testid="clone-price-unit">
          {t('clone.price.unitAssumed')}
        </p>
      )}
      <p className="hint">{price.per === 'hour' ? t('clone.price.hourNote') : t('clone.price.periodNote')}</p>
    </div>
  );
}
