import sharp from 'sharp';
import { decodeForPdq } from '../lib/hashing/decode';
import { lumaNearest } from '../lib/hashing/luma';
import { jaroszDownsample } from '../lib/hashing/jarosz';
import { dct64To16 } from '../lib/hashing/dct';
import { pdqQuality } from '../lib/hashing/quality';
import { coefficientsToWords } from '../lib/hashing/threshold';
import { pdqFromRgb } from '../lib/hashing/pdq';
import { DIHEDRAL_TRANSFORMS } from '../lib/hashing/dihedral';
import { words16ToHex } from '../lib/hashing/hex';
async function main(){
const raw=Buffer.alloc(1000*1000*3); for(let j=0;j<raw.length;j++) raw[j]=(j*7+((Math.random()*40)|0))&255;
const buf=await sharp(raw,{raw:{width:1000,height:1000,channels:3}}).jpeg().toBuffer();
const img=await decodeForPdq(buf);
const a=new Float32Array(512*512), b=new Float32Array(512*512);
const g=new Float32Array(4096), t=new Float32Array(1024), c=new Float32Array(256), v=new Float32Array(256), w=new Uint16Array(16);
const bench=(name:string, fn:()=>void)=>{ for(let i=0;i<20;i++) fn(); const t0=performance.now(); for(let i=0;i<200;i++) fn(); console.log(name, ((performance.now()-t0)/200).toFixed(3),'ms'); };
for (let k=0;k<2;k++){
bench('luma', ()=>lumaNearest(img,a,512,512));
bench('jarosz', ()=>{ lumaNearest(img,a,512,512); jaroszDownsample(a,b,512,512,g);});
bench('dct', ()=>dct64To16(g,t,c));
bench('quality', ()=>pdqQuality(g));
bench('dihedral', ()=>{ for (const fn of Object.values(DIHEDRAL_TRANSFORMS)) { fn(c,v); words16ToHex(coefficientsToWords(v,w)); } });
bench('all', ()=>pdqFromRgb(img));
}}
main();
