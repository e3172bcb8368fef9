import type { ButtonHTMLAttributes } from 'react';

type Variant = 'primary' | 'secondary' | 'danger' | 'ghost';

const styles: Record<Variant, string> = {
  primary: 'bg-accent text-white hover:bg-[#264d73] border-transparent',
  secondary: 'bg-white text-ink border-line hover:bg-[#eef0f2]',
  danger: 'bg-danger text-white hover:bg-[#8a2d24] border-transparent',
  ghost: 'bg-transparent text-ink border-transparent hover:bg-[#eceeef]',
};

export function Button({ variant = 'secondary', className = '', ...props }: ButtonHTMLAttributes<HTMLButtonElement> & { variant?: Variant }) {
  return (
    <button
      {...props}
      className={`inline-flex items-center gap-1.5 rounded-md border px-3 py-1.5 text-sm font-medium disabled:cursor-not-allowed disabled:opacity-50 ${styles[variant]} ${className}`}
    />
  );
}
