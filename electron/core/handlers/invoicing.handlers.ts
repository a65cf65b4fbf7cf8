/** Invoicing channels (issue 17): settings, articles, billing details, runs, drafts, issuing, credit notes, payments. */
import { AppError, type ChannelHandlers } from '../../contract';
import type { HandlerContext } from './create-handlers';

type InvoicingChannel = Extract<keyof ChannelHandlers, `invoicing/${string}`>;

const notYet = (): never => {
  throw new AppError('forbidden', 'Faktureringen är inte färdigbyggd ännu.');
};

export function createInvoicingHandlers(ctx: HandlerContext): Pick<ChannelHandlers, InvoicingChannel> {
  void ctx;
  return {
    'invoicing/settings-get': notYet,
    'invoicing/settings-save': notYet,
    'invoicing/articles-list': notYet,
    'invoicing/articles-save': notYet,
    'invoicing/billing-list': notYet,
    'invoicing/billing-save': notYet,
    'invoicing/runs-list': notYet,
    'invoicing/run-draft': notYet,
    'invoicing/run-get': notYet,
    'invoicing/invoice-get': notYet,
    'invoicing/draft-update': notYet,
    'invoicing/draft-delete': notYet,
    'invoicing/issue': notYet,
    'invoicing/credit': notYet,
    'invoicing/payment-record': notYet,
    'invoicing/invoices-list': notYet,
    'invoicing/reminder-record': notYet,
  };
}
