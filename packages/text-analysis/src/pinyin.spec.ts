import { pinyinInitials } from './pinyin.js';

describe('pinyinInitials', () => {
  it('gives the initials of a term', () => {
    expect(pinyinInitials('专精特新')).toBe('zjtx');
    expect(pinyinInitials('住房公积金')).toBe('zfgjj');
  });

  it('ignores punctuation and keeps digits', () => {
    expect(pinyinInitials('《社会保险法》2018')).toBe('shbxf2018');
  });

  it('handles traditional input through normalisation', () => {
    expect(pinyinInitials('醫保')).toBe('yb');
  });
});
