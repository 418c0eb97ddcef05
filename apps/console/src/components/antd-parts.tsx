'use client';
import { Input, Radio } from 'antd';

// Server components cannot dot into a client module (Input.TextArea): the sub-components are re-exported here.
export const TextArea = Input.TextArea;
export const RadioGroup = Radio.Group;
