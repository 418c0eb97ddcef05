import { Input } from 'antd';
import { DISCLOSURE_DEPARTMENTS, DISCLOSURE_OUTCOME_ZH, DisclosureOutcome, type DisclosureActionType } from '@govdisc/contracts';
import type { ReactNode } from 'react';
import { TextArea } from '../../../components/antd-parts';
import { DateField } from '../../../components/date-field';
import type { ReplyTemplate } from '../../../lib/reply-templates';

export const Field = ({ id, label, children }: { id: string; label: string; children: ReactNode }) => (
  <div className="field">
    <label htmlFor={id}>{label}</label>
    {children}
  </div>
);

type Id = (name: string) => string;

const ReplyFields = ({ id, template }: { id: Id; template: ReplyTemplate | null }) => (
  <>
    <Field id={id('outcome')} label="答复类型">
      <select id={id('outcome')} name="outcome" className="native" required defaultValue={template?.outcome}>
        {DisclosureOutcome.options.map((o) => (
          <option key={o} value={o}>
            {DISCLOSURE_OUTCOME_ZH[o]}
          </option>
        ))}
      </select>
    </Field>
    <Field id={id('text')} label="答复正文">
      <TextArea id={id('text')} name="text" rows={6} required defaultValue={template?.text} />
    </Field>
    <Field id={id('reasons')} label="理由（每行一条；不予公开、部分公开时必填）">
      <TextArea id={id('reasons')} name="reasons" rows={2} defaultValue={template?.reasons} />
    </Field>
    <Field id={id('whereToObtain')} label="获取方式和途径（已主动公开、予以公开时填写）">
      <Input id={id('whereToObtain')} name="whereToObtain" />
    </Field>
    <Field id={id('agencyName')} label="负责公开的机关名称（非本机关负责公开时填写）">
      <Input id={id('agencyName')} name="agencyName" />
    </Field>
    <Field id={id('agencyContact')} label="该机关联系方式（可选）">
      <Input id={id('agencyContact')} name="agencyContact" />
    </Field>
    <Field id={id('legalBasis')} label="补充法律依据（可选）">
      <Input id={id('legalBasis')} name="legalBasis" />
    </Field>
    <Field id={id('enclosures')} label="随答复提供的文件（每行一个，可选）">
      <TextArea id={id('enclosures')} name="enclosures" rows={2} />
    </Field>
  </>
);

const FeeFields = ({ id }: { id: Id }) => (
  <>
    <Field id={id('feeBasis')} label="收费标准（国办函〔2020〕109号）">
      <select id={id('feeBasis')} name="feeBasis" className="native">
        <option value="PER_VOLUME">按量计收（按页数超额累进）</option>
        <option value="PER_ITEM">按件计收（申请人本月申请件数）</option>
      </select>
    </Field>
    <Field id={id('pages')} label="页数（按量计收时填写；30页以内不收费）">
      <Input id={id('pages')} name="pages" type="number" min={1} />
    </Field>
    <Field id={id('noticeReceivedOn')} label="申请人收到收费通知的日期（可选，默认办理日期）">
      <DateField id={id('noticeReceivedOn')} name="noticeReceivedOn" />
    </Field>
  </>
);

/** The fields each statutory step needs: the contract's required ones and the optional ones staff use. */
export function StepFields({ type, id, template }: { type: DisclosureActionType; id: Id; template: ReplyTemplate | null }) {
  switch (type) {
    case 'REQUEST_SUPPLEMENT':
      return (
        <Field id={id('items')} label="需补正的内容（每行一项，一次性告知）">
          <TextArea id={id('items')} name="items" rows={3} required />
        </Field>
      );
    case 'RECEIVE_SUPPLEMENT':
      return (
        <Field id={id('justifiedReason')} label="逾期补正的正当理由（可选）">
          <Input id={id('justifiedReason')} name="justifiedReason" />
        </Field>
      );
    case 'ACCEPT':
      return (
        <Field id={id('department')} label="承办部门">
          <select id={id('department')} name="department" className="native" required>
            {DISCLOSURE_DEPARTMENTS.map((d) => (
              <option key={d.code} value={d.code}>
                {d.name}
              </option>
            ))}
          </select>
        </Field>
      );
    case 'START_CONSULTATION':
      return (
        <>
          <Field id={id('party')} label="征求意见对象类型">
            <select id={id('party')} name="party" className="native">
              <option value="THIRD_PARTY">第三方</option>
              <option value="AGENCY">其他机关</option>
            </select>
          </Field>
          <Field id={id('partyName')} label="征求意见对象名称">
            <Input id={id('partyName')} name="partyName" required />
          </Field>
          <Field id={id('letterReceivedOn')} label="对方收到征求意见函的日期（可选）">
            <DateField id={id('letterReceivedOn')} name="letterReceivedOn" />
          </Field>
        </>
      );
    case 'END_CONSULTATION':
      return (
        <>
          <Field id={id('opinion')} label="意见">
            <select id={id('opinion')} name="opinion" className="native">
              <option value="CONSENT">同意公开</option>
              <option value="OBJECTION">不同意公开</option>
              <option value="NO_REPLY">逾期未答复</option>
            </select>
          </Field>
          <Field id={id('overrideReason')} label="第三方不同意但不公开会对公共利益造成重大影响的理由（可选）">
            <Input id={id('overrideReason')} name="overrideReason" />
          </Field>
          <Field id={id('thirdPartyNotifiedOn')} label="书面告知第三方的日期（填写上一项时必填）">
            <DateField id={id('thirdPartyNotifiedOn')} name="thirdPartyNotifiedOn" />
          </Field>
        </>
      );
    case 'EXTEND':
      return (
        <>
          <Field id={id('days')} label="延长的工作日数（不超过20个工作日）">
            <Input id={id('days')} name="days" type="number" min={1} max={20} required />
          </Field>
          <Field id={id('applicantNotifiedOn')} label="告知申请人的日期（可选）">
            <DateField id={id('applicantNotifiedOn')} name="applicantNotifiedOn" />
          </Field>
        </>
      );
    case 'ASSESS_REASONS':
      return (
        <>
          <Field id={id('reasonable')} label="理由是否合理">
            <select id={id('reasonable')} name="reasonable" className="native">
              <option value="yes">合理</option>
              <option value="no">不合理</option>
            </select>
          </Field>
          <Field id={id('customDueDate')} label="另行确定的答复期限（理由合理且需较长时间时，可选）">
            <DateField id={id('customDueDate')} name="customDueDate" />
          </Field>
        </>
      );
    case 'ISSUE_FEE_NOTICE':
      return <FeeFields id={id} />;
    case 'CONFIRM_PAYMENT':
      return (
        <Field id={id('receiptNumber')} label="缴费票据号">
          <Input id={id('receiptNumber')} name="receiptNumber" required />
        </Field>
      );
    case 'REPLY':
      return <ReplyFields id={id} template={template} />;
    case 'WITHDRAW':
      return (
        <Field id={id('document')} label="申请人撤回申请的书面说明">
          <TextArea id={id('document')} name="document" rows={2} required />
        </Field>
      );
    default:
      return null;
  }
}
