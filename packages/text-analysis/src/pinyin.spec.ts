import { pinyinInitials, soundKey } from './pinyin.js';

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

describe('soundKey', () => {
  it('gives homophones one key, folding the distinctions callers blur', () => {
    expect(soundKey('票')).toBe(soundKey('漂'));
    expect(soundKey('保')).toBe(soundKey('宝'));
    expect(soundKey('金')).toBe(soundKey('精')); // jin / jing
    expect(soundKey('诗')).toBe(soundKey('私')); // shi / si
  });

  it('keeps different sounds apart and other characters as they are', () => {
    expect(soundKey('票')).not.toBe(soundKey('税'));
    expect(soundKey('a')).toBe('a');
    expect(soundKey('7')).toBe('7');
  });
});
