// Numbers and months in the page's language, the same rules as the server's Formats (shared/web/Formats.java):
// money with its currency and two decimals, counts with at most two decimals, percentages with one.
window.RumboNumbers = (function () {
  var lang = document.documentElement.lang || 'en';
  var currencyMeta = document.querySelector('meta[name="rumbo-currency"]');
  var currency = currencyMeta ? currencyMeta.content : 'EUR';
  // Spanish leaves four-digit numbers ungrouped by default; the server groups them, so the browser does too.
  var grouping = { useGrouping: 'always' };
  function formatter(options) {
    try { return new Intl.NumberFormat(lang, Object.assign({}, grouping, options)); }
    catch (e) { return new Intl.NumberFormat(lang, options); }
  }
  var money = formatter({ style: 'currency', currency: currency, minimumFractionDigits: 2, maximumFractionDigits: 2 });
  var moneyWhole = formatter({ style: 'currency', currency: currency, maximumFractionDigits: 0 });
  var number = formatter({ maximumFractionDigits: 2 });
  var percent = formatter({ style: 'percent', maximumFractionDigits: 1 });
  var monthName = new Intl.DateTimeFormat(lang, { month: 'short', year: 'numeric' });
  function isNumber(v) { return v !== null && v !== undefined && v !== '' && !isNaN(Number(v)); }
  return {
    lang: lang,
    money: function (v) { return isNumber(v) ? money.format(Number(v)) : '—'; },
    moneyAxis: function (v) { return isNumber(v) ? moneyWhole.format(Number(v)) : ''; },
    number: function (v) { return isNumber(v) ? number.format(Number(v)) : '—'; },
    percent: function (v) { return isNumber(v) ? percent.format(Number(v) / 100) : '—'; },
    // "2026-03" is written as the language names the month; anything else is left as it is.
    month: function (text) {
      var m = /^(\d{4})-(\d{2})$/.exec(text || '');
      return m ? monthName.format(new Date(Number(m[1]), Number(m[2]) - 1, 1)) : text;
    }
  };
})();
